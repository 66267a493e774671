// The one wink-nlp instance (model loading is the expensive part, so it happens once per process).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export const nlp = winkNLP(model);
export const its = nlp.its;
