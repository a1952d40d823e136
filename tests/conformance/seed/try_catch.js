try {
  // code that may throw
  null.property;
} catch (error) {
  console.error("Error caught:", error.message);
}
try {
  throw new Error("boom");
} catch (error) {
  console.error("Error caught:", error.message);
}
