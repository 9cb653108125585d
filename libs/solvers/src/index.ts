// Pure optimisation: plain data in, plain data out. No Nest, no TypeORM, no I/O (lint enforces it),
// so every solver can be property-tested against an independent one and benchmarked on its own.
