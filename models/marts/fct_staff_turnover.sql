{#-
    Staff turnover (004), external and internal, % of staff, by year. The header prints
    `januari-april` in the report per August, but the text under the table (004 line 1899)
    gives the turnover per August as 6,6 % = 5,59 + 1,02: the figures are January-August, so
    the reference period is the report's own months of each year; printed_months keeps
    what the header says.
-#}
with

measures as (

    select * from {{ ref('int_report_measures') }}
    where table_family = 'staff_turnover' and value is not null

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

final as (

    select
        measures.report_id,
        reports.municipality,
        reports.municipality_code,
        measures.table_id,
        cast(measures.row_label as integer) as year,
        case measures.column_key
            when 'external_pct' then 'external'
            when 'internal_pct' then 'internal'
        end as turnover_kind,
        regexp_extract(lower(measures.column_header), '([a-zåäö]+-[a-zåäö]+)', 1)
            as printed_months,
        make_date(cast(measures.row_label as integer), month(reports.period_start), 1)
            as reference_period_start,
        last_day(make_date(cast(measures.row_label as integer), month(reports.period_end), 1))
            as reference_period_end,
        measures.value as turnover_pct,
        measures.printed_text,
        measures.source_line
    from measures
    inner join reports on measures.report_id = reports.report_id

)

select * from final
