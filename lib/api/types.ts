// Compile-time checks that a response schema and the type its producer returns stay the same.
/** true when A and B are mutually assignable (so a zod schema and an interface agree). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** true when what a producer returns is assignable to the schema's type (all it promises holds). */
export type Fits<Produced, Schema> = [Produced] extends [Schema] ? true : false;
