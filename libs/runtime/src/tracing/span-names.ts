/** `<operation> <topic>` span names, built once per topic rather than once per record. */
export class SpanNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly operation: string) {}

  of(topic: string): string {
    let name = this.names.get(topic);
    if (name === undefined) {
      name = `${this.operation} ${topic}`;
      this.names.set(topic, name);
    }
    return name;
  }
}
