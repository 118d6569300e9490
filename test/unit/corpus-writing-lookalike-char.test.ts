import { corpusWritingSuite } from './support/corpus-writing';

corpusWritingSuite('lookalike-char', { fixes: true });
