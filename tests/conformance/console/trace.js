console.trace('trace message %d', 1);
