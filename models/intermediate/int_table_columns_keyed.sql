{#- Every table column with its family and its header as a reviewed-map key (macro
    header_key), so each family's mapping joins on one key. -#}
with

columns as (

    select * from {{ ref('stg_table_columns') }}

),

tables as (

    select * from {{ ref('stg_report_tables') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

),

final as (

    select
        columns.report_id,
        columns.table_id,
        tables.table_family,
        tables.table_title,
        tables.table_title_key,
        columns.column_number,
        columns.column_header,
        {{ header_key('columns.column_header', 'reports.report_year') }} as header_key,
        columns.header_line
    from columns
    inner join tables
        on columns.report_id = tables.report_id
        and columns.table_id = tables.table_id
    inner join reports on columns.report_id = reports.report_id

)

select * from final
