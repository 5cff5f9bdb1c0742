// Placeholder entry: replaced by the bridge.
export {};
