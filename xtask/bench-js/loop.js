const N=1e6;
function timers(){return new Promise(r=>{const t=process.hrtime.bigint();let n=0;for(let i=0;i<N;i++)setTimeout(()=>{if(++n===N){r(Number(process.hrtime.bigint()-t)/1e6)}},1+i%4);});}
function imms(){return new Promise(r=>{const t=process.hrtime.bigint();let n=0;for(let i=0;i<N;i++)setImmediate(()=>{if(++n===N){r(Number(process.hrtime.bigint()-t)/1e6)}});});}
function ticks(){return new Promise(r=>{const t=process.hrtime.bigint();let n=0;for(let i=0;i<N;i++)process.nextTick(()=>{if(++n===N){r(Number(process.hrtime.bigint()-t)/1e6)}});});}
(async()=>{for(let k=0;k<3;k++){console.log('node timers_1m',await timers(),'ms');console.log('node immediates_1m',await imms(),'ms');console.log('node next_ticks_1m',await ticks(),'ms');}})();
