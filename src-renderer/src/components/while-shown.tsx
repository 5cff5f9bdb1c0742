import { memo, type ReactNode } from 'react';

/**
 * A view the window keeps while another is shown (App's views): drawn again only while shown.
 * Away, it keeps its last drawing whatever the window passes it, so that a search typed beside
 * it does not redraw a grid of every council on each answer; what the view reads for itself
 * still updates it, with what the window passed when it went away (nothing reads it meanwhile).
 * Shown again, it is drawn at once with what the window passes then.
 */
export const WhileShown = memo(
  function WhileShown({ children }: { shown: boolean; children: ReactNode }) {
    return children;
  },
  (before, after) => !before.shown && !after.shown,
);
