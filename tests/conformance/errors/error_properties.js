try { null.x; } catch (e) { console.log(e.name, e instanceof TypeError, e.message); }
try { undefined.y = 1; } catch (e) { console.log(e.name, e.message); }
try { notDefined; } catch (e) { console.log(e.name, e.message); }
try { JSON.parse('{'); } catch (e) { console.log(e.name); }
try { new Array(-1); } catch (e) { console.log(e.name, e.message); }
function recurse() { recurse(); }
try { recurse(); } catch (e) { console.log(e.name, e.message); }
const e = new Error('msg', { cause: 'why' });
console.log(e.cause, e.stack.split('\n')[0]);
console.log(Object.prototype.toString.call(e), String(e));
