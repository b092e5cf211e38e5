// A click total inside a cacheable answer. It serialises as the number it holds, so the
// answer a client gets is plain JSON; the response cache recognises it and keeps its place
// in the cached text open, to fill with the current total on every hit (./answer.ts).
export class LiveCount {
  constructor(
    readonly documentId: string,
    readonly value: number
  ) {}

  toJSON() {
    return this.value;
  }
}
