/**
 * A form's field names are its schema's input keys: a misspelt name fails the type check (tsc checks
 * this file; each @ts-expect-error below fails it if the misspelling were ever accepted).
 */
import { describe, expectTypeOf, test } from "vitest";
import { activityCorrectionSchema } from "../app/activities/activity";
import { arrivalSchema } from "../app/arrivals/arrival.schema";
import { newProjectSchema, projectSchema } from "../app/projects/project.schema";
import { verificationSchema } from "../app/projects/verification.schema";
import { CheckboxGroup, SelectField, TextField, useValidatedForm, type FieldNameOf, type ValidatedForm } from "../app/ui/form";
import { parkSchema } from "../app/parks/park.schema";

describe("field names", () => {
  test("are the schema's input keys; a union's are every member's", () => {
    expectTypeOf<FieldNameOf<typeof arrivalSchema>>().toEqualTypeOf<"arrivedOn" | "amountUsd" | "reference">();
    expectTypeOf<FieldNameOf<typeof verificationSchema>>().toEqualTypeOf<"intent" | "version" | "reason">();
    expectTypeOf<FieldNameOf<typeof activityCorrectionSchema>>().toEqualTypeOf<
      "type" | "occurredOn" | "participants" | "place" | "summary" | "nextStep" | "version"
    >();
    expectTypeOf<"enteredOn">().toExtend<FieldNameOf<typeof newProjectSchema>>();
    expectTypeOf<"enteredOn">().not.toExtend<FieldNameOf<typeof projectSchema>>();
  });

  test("a field component refuses a name its form's schema does not have", () => {
    // Never called: these lines are checked by tsc, not run.
    const fields = (form: ValidatedForm<FieldNameOf<typeof arrivalSchema>>, park: ValidatedForm<FieldNameOf<typeof parkSchema>>) => [
      TextField({ form, name: "arrivedOn", label: "到账日期" }),
      // @ts-expect-error a misspelt field name
      TextField({ form, name: "arrivalOn", label: "到账日期" }),
      // @ts-expect-error a field of another form
      SelectField({ form, name: "priority", label: "优先级", options: [] }),
      // @ts-expect-error a misspelt field name
      CheckboxGroup({ form: park, name: "focusCountry", label: "重点国别", options: [], checked: [] }),
      // @ts-expect-error a misspelt field name
      form.errorOf("amount"),
    ];
    const defaults = () =>
      // @ts-expect-error a default for a field the schema does not have
      useValidatedForm(arrivalSchema, { arrivedOn: "", amount: "" });
    expectTypeOf(fields).toBeFunction();
    expectTypeOf(defaults).toBeFunction();
  });
});
