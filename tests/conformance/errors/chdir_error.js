try { process.chdir('/nope') } catch (e) { console.log(e.message.replace(process.cwd(), '<cwd>'), e.dest, e.syscall, e.code, e.errno) }
