import { corpusWritingSuite } from './support/corpus-writing';

corpusWritingSuite('punctuation-width', { fixes: true });
