const E=require('events'); const e=new E(); let n=0; e.on('data',v=>{n+=v});
for (let r=0;r<3;r++){const t=process.hrtime.bigint(); for(let i=0;i<1e7;i++) e.emit('data',1); console.log('node emit 10M', Number(process.hrtime.bigint()-t)/1e6,'ms');}
