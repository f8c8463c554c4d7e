/**
 * The emulator's memory. Every entity lives once, in the pool of its type; a collection — an entity set
 * under the root, one contained in an entity, or a navigation property's links — is an ordered list of ids
 * kept under `<owner>/<name>`, the owner being `<type>:<id>` (or nothing for the service root). Deleting an
 * entity removes it from every collection; removing a link removes only the link.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export type Entity = Record<string, unknown> & { id: string };

export interface Stream {
  readonly bytes: Buffer;
  readonly contentType: string;
}

/** An entity's identity in the store: its type and id. */
export const entityKey = (type: string, id: string): string => `${type}:${id}`;
/** A collection's key: its owner entity (or '' for the service root) and its name. */
export const collectionKey = (owner: string, name: string): string => `${owner}/${name}`;

export class Store {
  private readonly pools = new Map<string, Map<string, Entity>>();
  private readonly collections = new Map<string, string[]>();
  /** The URL path (no leading slash) of the collection an entity lives in: its @odata.id's base. */
  private readonly homes = new Map<string, string>();
  private readonly streams = new Map<string, Stream>();
  /** Creation numbers, for cursor paging that neither repeats nor skips while others write. */
  private readonly created = new Map<string, number>();
  private nextNumber = 0;
  /** `<type>/<navigation>` → the navigation on the other side that lists the same links (a connector's memberOf, a group's members). */
  private readonly partners = new Map<string, { type: string; navigation: string }>();

  /** Declares two navigation properties one link seen from both ends: linking or unlinking one does the other. */
  pair(type: string, navigation: string, otherType: string, otherNavigation: string): void {
    this.partners.set(`${type}/${navigation}`, { type: otherType, navigation: otherNavigation });
    this.partners.set(`${otherType}/${otherNavigation}`, { type, navigation });
  }

  /** The collection on the far end of a link, when its navigation has a partner: `<type>:<id>/<navigation>`. */
  private mirrorOf(collection: string, id: string): { collection: string; id: string } | undefined {
    const slash = collection.lastIndexOf('/');
    const owner = collection.slice(0, slash);
    const colon = owner.indexOf(':');
    if (colon < 0) return undefined;
    const partner = this.partners.get(`${owner.slice(0, colon)}/${collection.slice(slash + 1)}`);
    return partner && { collection: collectionKey(entityKey(partner.type, id), partner.navigation), id: owner.slice(colon + 1) };
  }

  pool(type: string): Map<string, Entity> {
    let pool = this.pools.get(type);
    if (!pool) this.pools.set(type, (pool = new Map()));
    return pool;
  }

  entity(type: string, id: string): Entity | undefined {
    return this.pools.get(type)?.get(id);
  }

  /** The ids a collection holds, in order. */
  ids(collection: string): readonly string[] {
    return this.collections.get(collection) ?? [];
  }

  has(collection: string, id: string): boolean {
    return this.ids(collection).includes(id);
  }

  /** Adds an entity (or replaces its properties) and puts it in `collection`, living at `home`. */
  put(type: string, entity: Entity, collection: string, home?: string): void {
    const pool = this.pool(type);
    const known = pool.has(entity.id);
    pool.set(entity.id, entity);
    if (!known) this.created.set(entityKey(type, entity.id), this.nextNumber++);
    if (home !== undefined && !this.homes.has(entityKey(type, entity.id))) this.homes.set(entityKey(type, entity.id), home);
    this.link(collection, entity.id);
  }

  replace(type: string, entity: Entity): void {
    this.pool(type).set(entity.id, entity);
  }

  link(collection: string, id: string, mirror = true): void {
    const ids = this.collections.get(collection) ?? [];
    if (!ids.includes(id)) ids.push(id);
    this.collections.set(collection, ids);
    const far = mirror ? this.mirrorOf(collection, id) : undefined;
    if (far) this.link(far.collection, far.id, false);
  }

  unlink(collection: string, id: string, mirror = true): boolean {
    const ids = this.collections.get(collection);
    const at = ids?.indexOf(id) ?? -1;
    if (at < 0) return false;
    ids!.splice(at, 1);
    const far = mirror ? this.mirrorOf(collection, id) : undefined;
    if (far) this.unlink(far.collection, far.id, false);
    return true;
  }

  /** Removes the entity everywhere: its pool, every collection that lists it, what it owns. */
  remove(type: string, id: string): void {
    this.pools.get(type)?.delete(id);
    const key = entityKey(type, id);
    for (const [name, ids] of this.collections) {
      if (name.startsWith(`${key}/`)) this.collections.delete(name);
      else if (ids.includes(id)) ids.splice(ids.indexOf(id), 1);
    }
    for (const name of [...this.streams.keys()]) if (name.startsWith(`${key}/`)) this.streams.delete(name);
  }

  home(type: string, id: string): string | undefined {
    return this.homes.get(entityKey(type, id));
  }

  creationNumber(type: string, id: string): number {
    return this.created.get(entityKey(type, id)) ?? -1;
  }

  stream(owner: string, property: string): Stream | undefined {
    return this.streams.get(`${owner}/${property}`);
  }

  setStream(owner: string, property: string, stream: Stream | undefined): void {
    if (stream) this.streams.set(`${owner}/${property}`, stream);
    else this.streams.delete(`${owner}/${property}`);
  }
}

/**
 * Seed data: entities by the path of the collection they live in (from the service root, no leading slash,
 * keys written as in a URL). A navigation property of an item lists the ids of the entities it links to;
 * `@odata.type` names an item's type where the slice does not say what the collection holds.
 */
export type SeedData = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

export class SeedError extends Error {}

/** A seed file: JSON or YAML, an object of collection paths to item lists. */
export function readSeedFile(file: string): SeedData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
    throw new SeedError(`cannot read the seed file ${file} (${why}); a seed file is JSON or YAML, collection paths to lists of entities`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new SeedError(`the seed file ${file} is neither JSON nor YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return checkSeed(data, file);
}

export function checkSeed(data: unknown, where: string): SeedData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SeedError(
      `${where}: a seed is an object whose keys are collection paths from the service root (<set>, <set>/<id>/<navigation>, …) and whose values are lists of entities`,
    );
  }
  for (const [path, items] of Object.entries(data)) {
    if (!Array.isArray(items)) throw new SeedError(`${where}: '${path}' must be a list of entities`);
    items.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new SeedError(`${where}: '${path}' item ${i + 1} is not an object`);
      if (typeof (item as { id?: unknown }).id !== 'string' || (item as { id: string }).id === '') {
        throw new SeedError(`${where}: '${path}' item ${i + 1} has no id (a non-empty string)`);
      }
    });
  }
  return data as SeedData;
}
