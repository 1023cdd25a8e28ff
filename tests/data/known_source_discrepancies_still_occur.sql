{{ config(severity='warn') }}

-- A reviewed discrepancy that no longer occurs (report corrected, parser changed) is stale:
-- remove it from seeds/reference/known_source_discrepancies.csv.
with

known as (

    select * from {{ ref('known_source_discrepancies') }}

),

found as (

    select
        report_id, table_id, row_label, rule, column_header,
        printed_tkr as printed_value, expected_tkr as expected_value
    from {{ ref('dq_budget_discrepancies') }}
    union all
    select report_id, table_id, row_label, rule, column_header, printed_value, expected_value
    from {{ ref('dq_placement_discrepancies') }}
    union all
    select report_id, table_id, row_label, rule, column_header, printed_value, expected_value
    from {{ ref('dq_report_measure_discrepancies') }}

),

final as (

    select known.*
    from known
    where not exists (
        select 1 from found where {{ is_known_discrepancy('found', 'known') }}
    )

)

select * from final
