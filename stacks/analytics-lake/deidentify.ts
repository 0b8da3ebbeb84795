/**
 * The de-identification job's script (AWS Glue 5.0, PySpark), uploaded to the curated bucket at
 * `_glue/scripts/deidentify.py`.
 *
 * PLACEHOLDER. It shows where de-identification happens and how it is wired (catalog in, curated
 * zone out, inside the VPC, encrypted, logged), and applies a column policy passed as job
 * arguments in the spirit of the HIPAA Safe Harbor method (§164.514(b)(2)): drop direct
 * identifiers, keep only the year of dates, keep only the first three digits of ZIP codes. Whether a dataset is de-identified is a determination about
 * the data (all 18 identifier types, free text, small cells, the expert determination method of
 * §164.514(b)(1)), which a privacy officer makes and this script cannot: review and replace it
 * before curated data is used as non-PHI.
 */
export const DEIDENTIFY_SCRIPT = String.raw`"""phiguard analytics-lake: de-identification step (PLACEHOLDER - see stacks/analytics-lake/README.md)."""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, [
    "JOB_NAME", "source_database", "source_table", "target_path",
    "drop_columns", "year_only_columns", "zip3_columns",
])
glue = GlueContext(SparkContext.getOrCreate())
job = Job(glue)
job.init(args["JOB_NAME"], args)

def columns(name):
    return [c.strip() for c in args[name].split(",") if c.strip()]

frame = glue.create_dynamic_frame.from_catalog(
    database=args["source_database"], table_name=args["source_table"], transformation_ctx="source",
).toDF()
frame = frame.drop(*columns("drop_columns"))
for column in columns("year_only_columns"):
    frame = frame.withColumn(column, F.year(F.col(column)))
for column in columns("zip3_columns"):
    frame = frame.withColumn(column, F.substring(F.col(column).cast("string"), 1, 3))

frame.write.mode("append").parquet(args["target_path"])
job.commit()
`;
