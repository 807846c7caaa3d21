import { Command } from 'commander';
export function groupsCommand(): Command {
  return new Command('groups');
}
