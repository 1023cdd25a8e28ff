{#-
    Every cell of the published reports' tables that no family mart holds: tables of a
    layout no family reads (read by the generic reader) and family tables the reviewed maps
    do not cover yet, as printed, with row label, column header, unit and line. The rules
    that need no semantics (rows add up to their totals, Netto = its varav parts) check them.
-#}
with

cells as (

    select * from {{ ref('int_generic_cells') }}

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

final as (

    select
        cells.report_id,
        reports.municipality,
        reports.municipality_code,
        reports.period_start,
        reports.period_end,
        cells.table_id,
        cells.table_title,
        cells.table_family,
        cells.why_generic,
        cells.row_number,
        cells.row_label,
        cells.row_role,
        cells.is_varav,
        cells.parent_row_number,
        cells.column_number,
        cells.column_header,
        cells.value,
        cells.unit,
        cells.is_percent_column,
        cells.printed_text,
        cells.resolution,
        cells.label_line,
        cells.source_line
    from cells
    inner join reports on cells.report_id = reports.report_id

)

select * from final
