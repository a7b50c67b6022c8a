"""Static-site generator for administrative guidance catalogs (行政指导事项目录清单)."""
