import { corpusWritingSuite } from './support/corpus-writing';

corpusWritingSuite('quote-pairs', { fixes: false });
