/** Classes for a <details> whose content belongs in the printout even while it is collapsed
 * (see ./print.tsx). A plain module, so server components get the string itself. */
export const PRINT_OPEN = "print:[&::details-content]:block print:[&::details-content]:[content-visibility:visible]";
