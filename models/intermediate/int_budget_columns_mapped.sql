{#-
    Column headers of economic tables mapped to (flow, basis, scope) through the reviewed
    seed column_header_map. The header is keyed with the report's own year as {y} (the year
    before as {y-1}), the month range as {m} and a forecast number as {n}, so the next
    report of the same family maps without a new seed row.
-#}
with

columns as (

    select * from {{ ref('stg_table_columns') }}

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
        regexp_replace(
            regexp_replace(
                replace(
                    replace(lower(columns.column_header), cast(reports.report_year as varchar), '{y}'),
                    cast(reports.report_year - 1 as varchar),
                    '{y-1}'
                ),
                'jan - [a-zåäö]+',
                'jan - {m}'
            ),
            '^prognos [0-9]+$',
            'prognos {n}'
        ) as header_key
    from columns
    inner join reports on columns.report_id = reports.report_id

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
