/** Named in the Performance timeline: the browser bench reads how long each photo took to be stored. */
export const photoStoredMeasure = 'helptent:photo-stored';
