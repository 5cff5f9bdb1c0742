/**
 * The running position down the page, and the page breaks: text flows line by line, and
 * a line that does not fit above the bottom margin starts the next page. Nothing is kept
 * together, so paragraphs and sentences break across pages as they do in real letters.
 */
import type { Doc } from './pdf-document';

/** The text area of every page, in points from the top left. */
export interface TextArea {
  /** Top of the text on pages after the first. */
  top: number;
  /** The lowest a line may reach. */
  bottom: number;
}

/** A cursor that turns the page when it runs out of room. */
export class PageFlow {
  /** Top of the next thing to place. */
  y = 0;
  /** Pages so far. */
  pages = 0;
  private empty = true;

  constructor(
    private readonly doc: Doc,
    private readonly area: TextArea,
  ) {}

  /** Starts the first page with its text at `top` (below the letterhead). */
  firstPage(top: number): void {
    this.doc.addPage();
    this.pages = 1;
    this.y = top;
    this.empty = true;
  }

  /** Starts a new page, with the cursor at the top of its text area. */
  newPage(): void {
    this.doc.addPage();
    this.pages++;
    this.y = this.area.top;
    this.empty = true;
  }

  /** Whether nothing has been placed on this page since it began. */
  get atPageTop(): boolean {
    return this.empty;
  }

  /** Turns the page unless `height` more fits on this one (or the page is still empty). */
  makeRoom(height: number): void {
    if (!this.empty && this.y + height > this.area.bottom) this.newPage();
  }

  /** Moves down past something just placed. */
  advance(height: number): void {
    this.y += height;
    this.empty = false;
  }

  /** White space between parts, which a new page swallows. */
  space(height: number): void {
    if (!this.empty) this.y += height;
  }
}
