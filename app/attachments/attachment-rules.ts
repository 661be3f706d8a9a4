/**
 * Who may attach evidence (DESIGN.md §3, "attach evidence files"), as a pure rule: officers where
 * they may edit the record, leaders and administrators everywhere, staff on the money records
 * (commitments, payouts, arrivals). Whether the record is in the actor's scope is the query's business.
 */
import { can, canEditProject, type Actor } from "../auth/permissions";
import type { AttachmentEntityType } from "./attachment-kinds";

/** The project a record hangs on (the record itself for a project). */
export interface AttachmentProjectFacts {
  ownerId: number;
  memberIds: readonly number[];
}

export function mayAttach(actor: Actor, entityType: AttachmentEntityType, project: AttachmentProjectFacts): boolean {
  switch (entityType) {
    case "project":
      return can(actor.role, "attach:project") && canEditProject(actor, project);
    case "commitment":
      // staff record the payouts of any commitment; officers only on the projects they may propose on (= may edit)
      return can(actor.role, "attach:commitment") && (can(actor.role, "record:payout") || canEditProject(actor, project));
    case "payout":
      return can(actor.role, "attach:payout");
    case "fdi_arrival":
      return can(actor.role, "attach:arrival");
  }
}
