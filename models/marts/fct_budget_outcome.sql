with

amounts as (

    select * from {{ ref('int_budget_amounts') }}

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

final as (

    select
        amounts.report_id,
        reports.municipality,
        reports.municipality_code,
        reports.period_start,
        reports.period_end,
        amounts.table_id,
        amounts.table_title,
        amounts.row_number,
        amounts.row_label,
        amounts.row_role,
        amounts.is_varav,
        amounts.parent_row_number,
        amounts.column_number,
        amounts.column_header,
        amounts.flow,
        amounts.basis,
        amounts.scope,
        amounts.amount_tkr,
        amounts.printed_text,
        amounts.printed_unit,
        amounts.rounding_tkr,
        amounts.resolution,
        amounts.label_line,
        amounts.source_line
    from amounts
    inner join reports on amounts.report_id = reports.report_id

)

select * from final
