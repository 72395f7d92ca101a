"""Pure rules of the Lasting Home process: no Qt, no I/O."""
