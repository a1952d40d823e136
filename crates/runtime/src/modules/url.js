'use strict';
throw internal.errors.notImplemented('url');
