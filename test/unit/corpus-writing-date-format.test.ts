import { corpusWritingSuite } from './support/corpus-writing';

corpusWritingSuite('date-format', { fixes: true });
