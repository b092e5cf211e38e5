// id-validator 1.3.0 ships no types: the part this project uses.
declare module 'id-validator' {
  class IDValidator {
    constructor(regions?: Record<string, string>);
    isValid(id: string): boolean;
    makeID(is15?: boolean): string;
  }
  export = IDValidator;
}
