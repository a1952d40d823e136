// `stream/web`: WHATWG streams are not implemented yet (COMPAT.md).
'use strict';

throw internal.errors.notImplemented('stream/web');
