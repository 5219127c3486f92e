/** The name of the page region the current lesson step highlights ('' when none). */
import { createContext } from 'react';

/** LessonTargetContext carries the name of the highlighted region ('' when none). */
export const LessonTargetContext = createContext('');
