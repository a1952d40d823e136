// The performance timeline (node's perf_hooks and the global `performance`): marks and
// measures, observers, timerify, nodeTiming and eventLoopUtilization over the loop's
// idle-time metrics (perf_hooks.rs). Called by web.js at bootstrap.
(function performanceTimeline(internal, EventTarget, DOMException, structuredClone) {
  'use strict';

  const pf = internal.natives.perf;
  const { errors } = internal;
  const kCustomInspect = Symbol.for('nodejs.util.inspect.custom');
  const now = () => pf.now();
  const timeOrigin = pf.timeOrigin;
  const engineStart = now();

  function missingArgs(name) {
    return errors.make(TypeError, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`);
  }
  function illegal() {
    return errors.make(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
  function validateObject(v, name) {
    if (v === null || typeof v !== 'object') throw errors.invalidArgType(name, 'Object', v);
  }
  // Prints an entry as node does: its class name and its JSON fields.
  function inspectEntry(self, depth, options) {
    if (depth < 0) return self;
    return `${self.constructor.name} ${internal.inspect(self.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  const kName = Symbol('kName');
  const kType = Symbol('kType');
  const kStart = Symbol('kStart');
  const kDuration = Symbol('kDuration');
  const kDetail = Symbol('kDetail');
  let constructing = false;
  function makeEntry(Class, name, type, start, duration, detail) {
    constructing = true;
    try {
      const e = Reflect.construct(PerformanceEntry, [], Class);
      e[kName] = name;
      e[kType] = type;
      e[kStart] = start;
      e[kDuration] = duration;
      e[kDetail] = detail;
      return e;
    } finally {
      constructing = false;
    }
  }

  class PerformanceEntry {
    constructor() {
      if (!constructing) throw illegal();
    }
    get name() { return this[kName]; }
    get entryType() { return this[kType]; }
    get startTime() { return this[kStart]; }
    get duration() { return this[kDuration]; }
    get detail() { return this[kDetail]; }
    toJSON() {
      return {
        name: this.name, entryType: this.entryType, startTime: this.startTime,
        duration: this.duration, detail: this.detail,
      };
    }
    [kCustomInspect](depth, options) { return inspectEntry(this, depth, options); }
  }
  Object.defineProperty(PerformanceEntry.prototype, Symbol.toStringTag, { value: 'PerformanceEntry', configurable: true });

  function validateTimestamp(t, name) {
    if (typeof t !== 'number') throw errors.invalidArgType(name, 'number', t);
    if (t < 0 || !Number.isFinite(t)) {
      throw errors.make(TypeError, 'ERR_PERFORMANCE_INVALID_TIMESTAMP', `${t} is not a valid timestamp`);
    }
  }

  class PerformanceMark extends PerformanceEntry {
    constructor(name, options) {
      if (arguments.length === 0) throw missingArgs('name');
      name = `${name}`;
      if (options !== undefined) validateObject(options, 'options');
      const startTime = options?.startTime ?? now();
      validateTimestamp(startTime, 'startTime');
      const detail = options?.detail === undefined ? null : structuredClone(options.detail);
      constructing = true;
      try {
        super();
      } finally {
        constructing = false;
      }
      this[kName] = name;
      this[kType] = 'mark';
      this[kStart] = startTime;
      this[kDuration] = 0;
      this[kDetail] = detail;
    }
  }
  Object.defineProperty(PerformanceMark.prototype, Symbol.toStringTag, { value: 'PerformanceMark', configurable: true });
  class PerformanceMeasure extends PerformanceEntry {}
  Object.defineProperty(PerformanceMeasure.prototype, Symbol.toStringTag, { value: 'PerformanceMeasure', configurable: true });

  // ---- the buffered user-timing entries, and observers -------------------------------
  const marks = [];
  const measures = [];
  const observers = new Set();
  const pendingObservers = new Set();
  let flushQueued = false;
  const kBuffer = Symbol('kBuffer');
  const kTypes = Symbol('kTypes');
  const kCallback = Symbol('kCallback');
  const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);

  function deliver(o, entry) {
    o[kBuffer].push(entry);
    pendingObservers.add(o);
    // Observers hear about entries from the check phase (a queued task, as the spec asks).
    if (!flushQueued) {
      flushQueued = true;
      setImmediate(() => {
        flushQueued = false;
        const list = [...pendingObservers];
        pendingObservers.clear();
        for (const p of list) {
          const entries = p[kBuffer].splice(0);
          p[kCallback].call(p, new PerformanceObserverEntryList(entries), p);
        }
      });
    }
  }
  function enqueue(entry) {
    for (const o of observers) {
      if (o[kTypes].has(entry.entryType)) deliver(o, entry);
    }
  }

  function byStart(list) {
    return list.sort((a, b) => a.startTime - b.startTime);
  }
  function filterEntries(list, name, type) {
    return byStart(list.filter((e) => (name === undefined || e.name === name) && (type === undefined || e.entryType === type)));
  }

  const kEntries = Symbol('kEntries');
  class PerformanceObserverEntryList {
    constructor(entries) {
      if (!Array.isArray(entries)) throw illegal();
      this[kEntries] = entries;
    }
    getEntries() { return filterEntries(this[kEntries].slice()); }
    getEntriesByType(type) {
      if (arguments.length === 0) throw missingArgs('type');
      return filterEntries(this[kEntries].slice(), undefined, `${type}`);
    }
    getEntriesByName(name, type) {
      if (arguments.length === 0) throw missingArgs('name');
      return filterEntries(this[kEntries].slice(), `${name}`, type === undefined ? undefined : `${type}`);
    }
  }

  class PerformanceObserver {
    constructor(callback) {
      if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'Function', callback);
      this[kCallback] = callback;
      this[kBuffer] = [];
      this[kTypes] = new Set();
    }
    static get supportedEntryTypes() { return supportedEntryTypes; }
    observe(options = {}) {
      validateObject(options, 'options');
      const { entryTypes, type, buffered } = options;
      if (entryTypes === undefined && type === undefined) {
        throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "options.entryTypes" and "options.type" arguments must be specified');
      }
      if (entryTypes != null && type != null) {
        throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
          `The property 'options.entryTypes' options.entryTypes can not set with options.type together. Received ${internal.inspect(entryTypes)}`);
      }
      this[kTypes].clear();
      if (entryTypes !== undefined) {
        if (!Array.isArray(entryTypes)) throw errors.invalidArgType('options.entryTypes', 'Array', entryTypes);
        for (const t of entryTypes) if (supportedEntryTypes.includes(t)) this[kTypes].add(t);
      } else {
        if (!supportedEntryTypes.includes(type)) return;
        this[kTypes].add(type);
        if (buffered) {
          const old = type === 'mark' ? marks : type === 'measure' ? measures : [];
          for (const e of old) deliver(this, e);
        }
      }
      if (this[kTypes].size > 0) observers.add(this);
      else observers.delete(this);
    }
    disconnect() {
      observers.delete(this);
      pendingObservers.delete(this);
      this[kBuffer] = [];
    }
    takeRecords() {
      return this[kBuffer].splice(0);
    }
    [kCustomInspect](depth, options) {
      return `PerformanceObserver ${internal.inspect({ connected: observers.has(this), pending: pendingObservers.has(this), entryTypes: [...this[kTypes]], buffer: this[kBuffer] }, options)}`;
    }
  }

  // ---- nodeTiming and eventLoopUtilization ------------------------------------------
  const bootstrapComplete = now();
  // node's nodeTiming fields are own enumerable accessors.
  class PerformanceNodeTiming {
    constructor() {
      if (!constructing) throw illegal();
      const fields = {
        name: () => 'node',
        entryType: () => 'node',
        startTime: () => 0,
        duration: () => now(),
        // nrt counts from its own start: the process and the engine start at 0.
        nodeStart: () => 0,
        v8Start: () => engineStart,
        environment: () => engineStart,
        loopStart: () => pf.loopMetrics()[1],
        loopExit: () => -1,
        bootstrapComplete: () => bootstrapComplete,
        idleTime: () => pf.loopMetrics()[0],
        uvMetricsInfo: () => { throw errors.notImplemented('performance.nodeTiming.uvMetricsInfo'); },
      };
      for (const [key, get] of Object.entries(fields)) {
        Object.defineProperty(this, key, { get, enumerable: true, configurable: true });
      }
    }
    toJSON() {
      return {
        name: 'node', entryType: 'node', startTime: 0, duration: this.duration,
        nodeStart: this.nodeStart, v8Start: this.v8Start, bootstrapComplete: this.bootstrapComplete,
        environment: this.environment, loopStart: this.loopStart, loopExit: this.loopExit,
        idleTime: this.idleTime,
      };
    }
    [kCustomInspect](depth, options) { return inspectEntry(this, depth, options); }
  }
  constructing = true;
  const nodeTiming = new PerformanceNodeTiming();
  constructing = false;

  // node's eventLoopUtilization(util1, util2): idle and active ms since the loop started.
  function eventLoopUtilization(util1, util2) {
    const [idle, loopStart] = pf.loopMetrics();
    if (loopStart < 0) return { idle: 0, active: 0, utilization: 0 };
    if (util2) {
      const idleDelta = util1.idle - util2.idle;
      const activeDelta = util1.active - util2.active;
      return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
    }
    const active = now() - loopStart - idle;
    if (!util1) return { idle, active, utilization: active / (idle + active) };
    const idleDelta = idle - util1.idle;
    const activeDelta = active - util1.active;
    return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
  }

  // ---- Performance -------------------------------------------------------------------
  function findMark(name) {
    if (typeof name === 'number') {
      validateTimestamp(name, 'startTime');
      return name;
    }
    for (let i = marks.length - 1; i >= 0; i--) if (marks[i].name === name) return marks[i].startTime;
    if (name in nodeTiming && typeof nodeTiming[name] === 'number') return nodeTiming[name];
    throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  }
  function cloneDetail(detail) {
    return detail === undefined ? null : structuredClone(detail);
  }
  function removeEntries(list, name) {
    for (let i = list.length - 1; i >= 0; i--) if (name === undefined || list[i].name === name) list.splice(i, 1);
  }

  let constructingPerformance = false;
  const kOnFull = Symbol('kOnFull');
  let resourceBufferSize = 250;
  class Performance extends EventTarget {
    constructor() {
      if (!constructingPerformance) throw illegal();
      super();
    }
    clearMarks(name) { removeEntries(marks, name === undefined ? undefined : `${name}`); }
    clearMeasures(name) { removeEntries(measures, name === undefined ? undefined : `${name}`); }
    // No resource entries exist in nrt (they come from fetch, which nrt lacks).
    clearResourceTimings() {}
    getEntries() { return byStart([...marks, ...measures]); }
    getEntriesByName(name, type) {
      if (arguments.length === 0) throw missingArgs('name');
      return filterEntries([...marks, ...measures], `${name}`, type === undefined ? undefined : `${type}`);
    }
    getEntriesByType(type) {
      if (arguments.length === 0) throw missingArgs('type');
      type = `${type}`;
      return byStart((type === 'mark' ? marks : type === 'measure' ? measures : []).slice());
    }
    mark(name, options) {
      if (arguments.length === 0) throw missingArgs('name');
      const m = new PerformanceMark(name, options);
      marks.push(m);
      enqueue(m);
      return m;
    }
    measure(name, startOrOptions, endMark) {
      if (arguments.length === 0) throw missingArgs('name');
      name = `${name}`;
      let start;
      let end;
      let detail = null;
      if (startOrOptions !== null && typeof startOrOptions === 'object') {
        const { start: s, end: e, duration: d } = startOrOptions;
        if (s !== undefined && e !== undefined && d !== undefined) {
          throw errors.make(TypeError, 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS',
            'Must not have options.start, options.end, and options.duration specified');
        }
        if (e !== undefined) end = findMark(e);
        if (s !== undefined) start = findMark(s);
        // A duration counts only beside a start or an end (node ignores it alone), and
        // is kept exactly (start + d - start can round).
        if (d !== undefined && (s !== undefined || e !== undefined)) {
          if (start === undefined) start = end - d;
          const m = makeEntry(PerformanceMeasure, name, 'measure', start, d, cloneDetail(startOrOptions.detail));
          measures.push(m);
          enqueue(m);
          return m;
        }
        if (end === undefined) end = now();
        if (start === undefined) start = 0;
        detail = cloneDetail(startOrOptions.detail);
      } else {
        end = endMark !== undefined ? findMark(endMark) : now();
        // node resolves a positional start only by mark name (a number there counts as 0).
        start = typeof startOrOptions === 'string' ? findMark(startOrOptions) : 0;
      }
      const m = makeEntry(PerformanceMeasure, name, 'measure', start, end - start, detail);
      measures.push(m);
      enqueue(m);
      return m;
    }
    now() { return now(); }
    setResourceTimingBufferSize(maxSize) { resourceBufferSize = maxSize; void resourceBufferSize; }
    get timeOrigin() { return timeOrigin; }
    toJSON() {
      return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
    }
    eventLoopUtilization(util1, util2) { return eventLoopUtilization(util1, util2); }
    get nodeTiming() { return nodeTiming; }
    markResourceTiming() { throw errors.notImplemented('performance.markResourceTiming'); }
    get onresourcetimingbufferfull() { return this[kOnFull] ?? null; }
    set onresourcetimingbufferfull(fn) { this[kOnFull] = fn; }
    // timerify: calls to the wrapper produce 'function' entries for observers.
    timerify(fn, options = {}) {
      if (typeof fn !== 'function') throw errors.invalidArgType('fn', 'Function', fn);
      validateObject(options, 'options');
      if (options.histogram !== undefined) throw errors.notImplemented('performance.timerify with a histogram');
      function timerified(...args) {
        const start = now();
        const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
        const complete = () => enqueue(makeEntry(PerformanceEntry, fn.name, 'function', start, now() - start, args));
        // A call that returns a promise (an async function) is timed until it settles, and
        // the caller gets node's `result.finally(…)` promise.
        if (!new.target && typeof result?.finally === 'function') return result.finally(complete);
        complete();
        return result;
      }
      Object.defineProperties(timerified, {
        name: { value: `timerified ${fn.name}`, configurable: true },
        length: { value: fn.length, configurable: true },
      });
      return timerified;
    }
    [kCustomInspect](depth, options) {
      if (depth < 0) return this;
      return `Performance ${internal.inspect({ nodeTiming: this.nodeTiming, timeOrigin, eventLoopUtilization: this.eventLoopUtilization() }, options)}`;
    }
  }
  Object.defineProperty(Performance.prototype, Symbol.toStringTag, { value: 'Performance', configurable: true });
  constructingPerformance = true;
  const performance = new Performance();
  constructingPerformance = false;

  class PerformanceResourceTiming extends PerformanceEntry {
    constructor() {
      throw illegal();
    }
  }

  const constants = {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  };

  return {
    Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver,
    PerformanceObserverEntryList, PerformanceResourceTiming, performance, constants,
  };
})
