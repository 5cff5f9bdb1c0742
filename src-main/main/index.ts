// Placeholder entry: replaced by the shell.
export {};
