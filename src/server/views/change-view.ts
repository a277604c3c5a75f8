import { type ChangeRecordDetail, getChangeRecord } from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { notFound } from "../http-errors.js";

export async function loadChange(deps: ServerDeps, id: number): Promise<ChangeRecordDetail> {
  const record = await getChangeRecord(deps.src, id);
  if (!record) throw notFound(`Change record ${id}`);
  return record;
}
