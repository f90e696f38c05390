/** How a file is named in output: relative to the working directory, unless that climbs out of it. */
export { displayPath } from '../project/display-path.js';
