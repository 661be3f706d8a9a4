import { describe, it, expect } from "vitest";
import { can, canEditProject, PERMISSIONS, ROLES, type Actor, type Permission, type Role } from "./permissions";

/** DESIGN.md §3, written out independently of the PERMISSIONS table. */
const EXPECTED: Record<string, Record<Role, boolean>> = {
  "read:project:any": { officer: false, leader: true, staff: true, admin: true },
  "create:company": { officer: true, leader: true, staff: true, admin: true },
  "update:company": { officer: true, leader: true, staff: true, admin: true },
  "delete:company": { officer: false, leader: true, staff: false, admin: true },
  "export:list": { officer: true, leader: true, staff: true, admin: true },
  "create:project": { officer: true, leader: true, staff: false, admin: true },
  "update:project:own": { officer: true, leader: true, staff: false, admin: true },
  "update:project:any": { officer: false, leader: true, staff: false, admin: true },
  "delete:project": { officer: false, leader: true, staff: false, admin: true },
  "verify:signing": { officer: false, leader: true, staff: false, admin: true },
  "propose:commitment:own": { officer: true, leader: true, staff: false, admin: true },
  "propose:commitment:any": { officer: false, leader: true, staff: false, admin: true },
  "commit:commitment": { officer: false, leader: true, staff: true, admin: true },
  "record:payout": { officer: false, leader: true, staff: true, admin: true },
  "record:arrival": { officer: false, leader: false, staff: true, admin: true },
  "manage:targets": { officer: false, leader: false, staff: true, admin: true },
  "import:data": { officer: false, leader: false, staff: true, admin: true },
  "manage:report": { officer: false, leader: true, staff: true, admin: true },
  "view:cockpit": { officer: false, leader: true, staff: true, admin: true },
  /** 附件: officers where they may edit the record (checked per record), staff on arrivals and payouts */
  "attach:project": { officer: true, leader: true, staff: false, admin: true },
  "attach:commitment": { officer: true, leader: true, staff: true, admin: true },
  "attach:payout": { officer: false, leader: true, staff: true, admin: true },
  "attach:arrival": { officer: false, leader: true, staff: true, admin: true },
  "admin:system": { officer: false, leader: false, staff: false, admin: true },
};

describe("can (DESIGN.md §3)", () => {
  it("covers every permission of the table, and the table has no permission the design lacks", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const [permission, byRole] of Object.entries(EXPECTED)) {
    for (const role of ROLES) {
      it(`${role} ${byRole[role] ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission as Permission)).toBe(byRole[role]);
      });
    }
  }

  it("officer cannot verify a signing; leader can", () => {
    expect(can("officer", "verify:signing")).toBe(false);
    expect(can("leader", "verify:signing")).toBe(true);
  });

  it("staff cannot create projects", () => {
    expect(can("staff", "create:project")).toBe(false);
  });
});

describe("canEditProject", () => {
  const officer: Actor = { id: 10, role: "officer", unitId: 1 };
  const leader: Actor = { id: 20, role: "leader", unitId: 1 };
  const staff: Actor = { id: 30, role: "staff", unitId: 1 };
  const admin: Actor = { id: 40, role: "admin", unitId: 2 };

  it("lets an officer edit a project they own", () => {
    expect(canEditProject(officer, { ownerId: 10, memberIds: [] })).toBe(true);
  });

  it("lets an officer edit a project they are a member of", () => {
    expect(canEditProject(officer, { ownerId: 11, memberIds: [12, 10] })).toBe(true);
  });

  it("does not let an officer edit a same-unit project they neither own nor are a member of", () => {
    expect(canEditProject(officer, { ownerId: 11, memberIds: [] })).toBe(false);
    expect(canEditProject(officer, { ownerId: 11, memberIds: [12, 13] })).toBe(false);
  });

  it("lets leaders and admins edit any project", () => {
    for (const actor of [leader, admin]) {
      expect(canEditProject(actor, { ownerId: 99, memberIds: [] })).toBe(true);
    }
  });

  it("does not let staff edit any project, even as owner or member", () => {
    expect(canEditProject(staff, { ownerId: 99, memberIds: [] })).toBe(false);
    expect(canEditProject(staff, { ownerId: 30, memberIds: [] })).toBe(false);
    expect(canEditProject(staff, { ownerId: 99, memberIds: [30] })).toBe(false);
  });
});
