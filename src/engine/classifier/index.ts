export { createClassifier, MAX_JUDGED, type Classifier, type ClassifierOptions, type LineEmit, type Prefilter } from './classifier.js';
export { SURE, type Answer } from './rank.js';
