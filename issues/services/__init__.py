"""The write path for print, one module a job:

- papers: publications, issues and pages; publishing an issue.
- imports: a page's bytes in as a job, parsed and written as articles.
- inbox: the ways files come in (issue folders, the watched inbox).
- layouts: laying a page out and drawing its thumbnail.

The reading site's rows are written by issues/reading/rows.py, on the signals of articles/changes.py.
"""
