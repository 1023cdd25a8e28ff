{#-
    Column headers of economic tables mapped to (flow, basis, scope) through the reviewed
    seed column_header_map, keyed by the macro header_key so that the next report of the
    same family maps without a new seed row.
-#}
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

header_map as (

    select * from {{ ref('column_header_map') }}

),

keyed as (

    select
        columns.report_id,
        columns.table_id,
        columns.column_number,
        columns.column_header,
        columns.header_line,
        {{ header_key('columns.column_header', 'reports.report_year') }} as header_key
    from columns
    inner join tables
        on columns.report_id = tables.report_id
        and columns.table_id = tables.table_id
    inner join reports on columns.report_id = reports.report_id
    where tables.table_family = 'budget'

),

final as (

    select
        keyed.report_id,
        keyed.table_id,
        keyed.column_number,
        keyed.column_header,
        keyed.header_key,
        keyed.header_line,
        header_map.flow as column_flow,
        header_map.basis,
        header_map.scope
    from keyed
    left join header_map on keyed.header_key = header_map.header_key

)

select * from final
