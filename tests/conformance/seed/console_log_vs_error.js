console.log("This is normal output");
console.error("This is an error");
