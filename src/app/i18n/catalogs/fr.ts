import type { Catalog } from '../messages';

const catalog: Catalog = {};

export default catalog;
