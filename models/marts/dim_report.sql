with

reports as (

    select * from {{ ref('stg_reports') }}

),

tables as (

    select * from {{ ref('int_report_tables') }}

),

cells as (

    select * from {{ ref('stg_table_cells') }}

),

rejects as (

    select * from {{ ref('stg_ingest_rejects') }}

),

status as (

    select * from {{ ref('int_report_status') }}

),

table_counts as (

    select
        report_id,
        count(*) filter (where mart_family = 'budget') as economic_table_count,
        count(*) filter (where mart_family like 'placement_%') as placement_table_count
    from tables
    group by report_id

),

amount_counts as (

    select report_id, count(amount) as amount_count
    from cells
    group by report_id

),

reject_counts as (

    select report_id, count(*) as reject_count
    from rejects
    group by report_id

),

final as (

    select
        reports.report_id,
        reports.file_name,
        reports.municipality,
        reports.municipality_code,
        reports.committee,
        reports.report_kind,
        reports.period_start,
        reports.period_end,
        reports.metadata_source,
        reports.metadata_evidence,
        reports.content_sha256,
        reports.text_encoding,
        reports.line_endings,
        reports.file_bytes,
        reports.line_count,
        status.load_status,
        coalesce(table_counts.economic_table_count, 0) as economic_table_count,
        coalesce(table_counts.placement_table_count, 0) as placement_table_count,
        coalesce(amount_counts.amount_count, 0) as amount_count,
        coalesce(reject_counts.reject_count, 0) as reject_count
    from reports
    inner join status on reports.report_id = status.report_id
    left join table_counts on reports.report_id = table_counts.report_id
    left join amount_counts on reports.report_id = amount_counts.report_id
    left join reject_counts on reports.report_id = reject_counts.report_id

)

select * from final
