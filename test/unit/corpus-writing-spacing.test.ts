import { corpusWritingSuite } from './support/corpus-writing';

corpusWritingSuite('spacing', { fixes: true });
