// What a wave's instrument says about weighting: each dimension's categories (the option ids of
// the question carrying the dimension's role, as stored in the response's profile columns) and
// their labels. Read by role, never by question id.
import type { Instrument } from "@/lib/survey/instrument-schema";
import { findQuestionByRole, roleOptions, type ProfileField } from "@/lib/survey/roles";
import { WEIGHTING_DIMENSIONS, type DimensionCategories, type WeightingDimension } from "./schemas";

/** The response's profile column (Prisma field) holding each dimension. */
export const PROFILE_FIELD_OF: Record<WeightingDimension, ProfileField> = {
  industry: "industry",
  region: "region",
  company_size: "companySize",
  role: "role",
};

export interface DimensionOptions {
  dimension: WeightingDimension;
  question: string;
  options: { category: string; label: string }[];
}

export function dimensionOptions(instrument: Instrument): DimensionOptions[] {
  return WEIGHTING_DIMENSIONS.map((dimension) => {
    const question = findQuestionByRole(instrument, dimension);
    return {
      dimension,
      question: question?.label ?? dimension,
      options: question ? roleOptions(instrument, question).map((option) => ({ category: option.id, label: option.label })) : [],
    };
  });
}

export function dimensionCategories(instrument: Instrument): DimensionCategories {
  const out = {} as Record<WeightingDimension, string[]>;
  for (const { dimension, options } of dimensionOptions(instrument)) out[dimension] = options.map((o) => o.category);
  return out;
}
