require('./missing-module');
