with

source as (

    select * from {{ source('ingest', 'raw_table_columns') }}

),

final as (

    select
        report_id,
        table_id,
        column_number,
        column_header,
        header_key,
        header_line
    from source

)

select * from final
