import { defineAppBuild } from '../../tsup.base';

export default defineAppBuild();
