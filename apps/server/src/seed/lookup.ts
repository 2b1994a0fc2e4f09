import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { organisations, people, positions } from '../db/schema.js';

/** Looks records up by their stable keys, once. */
export class Lookup {
  private orgs = new Map<string, { id: string; unitId: string | null }>();
  private persons = new Map<string, string>();
  constructor(private readonly tx: Tx) {}

  async org(code: string): Promise<{ id: string; unitId: string | null }> {
    const known = this.orgs.get(code);
    if (known) return known;
    const [row] = await this.tx
      .select({ id: organisations.id, unitId: organisations.unitId })
      .from(organisations)
      .where(eq(organisations.code, code));
    if (!row) throw new Error(`Demo seed: organisation ${code} is missing`);
    this.orgs.set(code, row);
    return row;
  }

  async person(fullName: string): Promise<string> {
    const known = this.persons.get(fullName);
    if (known) return known;
    const [row] = await this.tx
      .select({ id: people.id })
      .from(people)
      .where(eq(people.fullName, fullName));
    if (!row) throw new Error(`Demo seed: person ${fullName} is missing`);
    this.persons.set(fullName, row.id);
    return row.id;
  }

  /** The title and organisation a person held on a date, from their positions. */
  async positionOn(personId: string, date: string) {
    const rows = await this.tx.select().from(positions).where(eq(positions.personId, personId));
    return rows.find(
      (p) => (!p.validFrom || p.validFrom <= date) && (!p.validTo || p.validTo >= date),
    );
  }
}
