import { Command } from 'commander';
export function dlqCommand(): Command {
  return new Command('dlq');
}
